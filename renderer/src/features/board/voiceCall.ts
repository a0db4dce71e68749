/**
 * Speaks a call through the browser's speech synthesis in Chinese (a zh-CN voice when the system has one).
 * Does nothing where there is no speech synthesis (headless browsers, some kiosks); never throws.
 */
export function speakChinese(text: string): boolean {
  try {
    const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
    if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return false;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.9;
    const voices = synth.getVoices();
    const voice = voices.find((v) => v.lang === 'zh-CN') ?? voices.find((v) => v.lang.toLowerCase().startsWith('zh'));
    if (voice) utterance.voice = voice;
    synth.speak(utterance);
    return true;
  } catch {
    return false;
  }
}
