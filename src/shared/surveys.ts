/**
 * Survey questions and box cut-off times are settings kept as short text (the settings screen edits text):
 * questions are separated by `;` (or the full-width `；`). A question that is a known key (`attitude`, `speed`, …)
 * is shown translated (`surveys.questions.<key>`); any other text is shown as typed.
 */
export const KNOWN_SURVEY_QUESTIONS = ['attitude', 'speed', 'accuracy', 'guidance', 'environment'] as const;
export const DEFAULT_SURVEY_QUESTIONS = 'attitude;speed;accuracy;guidance;environment';
export const MAX_SURVEY_QUESTIONS = 12;

/** The questions of a `service.surveyQuestions` value, or null when it is not a valid list (1–12 questions of 1–40 characters, no repeats). */
export function parseSurveyQuestions(value: string): string[] | null {
  const parts = value
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (parts.length < 1 || parts.length > MAX_SURVEY_QUESTIONS) return null;
  if (parts.some((p) => p.length > 40)) return null;
  if (new Set(parts).size !== parts.length) return null;
  return parts;
}

/** Minutes after local midnight of an `HH:MM` time, or null. */
export function parseClockTime(value: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}
