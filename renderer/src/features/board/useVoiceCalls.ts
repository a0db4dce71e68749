import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GateBoardDto } from '../../../../src/shared/contract/gate';
import { CallAnnouncer, spokenPlate } from './callAnnouncer';
import { speakChinese } from './voiceCall';

/**
 * Announces each newly called truck once per page in Chinese when the plant has the voice call on
 * (`gate.boardVoiceCall`). Returns how many calls were announced (shown as `data-voice-calls` for tests).
 */
export function useVoiceCalls(board: GateBoardDto | undefined): number {
  const { t } = useTranslation();
  const announcer = useRef<CallAnnouncer | null>(null);
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!board) return;
    announcer.current ??= new CallAnnouncer();
    // Always tracked (so turning the voice on later does not read out old calls); spoken only when on.
    const fresh = announcer.current.take(board.called, board.generatedAt);
    if (!board.voiceCall || fresh.length === 0) return;
    for (const c of fresh) speakChinese(t('board.voice', { plate: spokenPlate(c.truckPlate), lng: 'zh-CN' }));
    setCount((n) => n + fresh.length);
  }, [board, t]);
  return count;
}
