/** `YYYY-MM-DDTHH:MM` in plant time (a datetime-local input's value) ↔ UTC epoch ms. */
export function toPlantLocalInput(at: number, utcOffsetMinutes: number): string {
  return new Date(at + utcOffsetMinutes * 60_000).toISOString().slice(0, 16);
}

export function fromPlantLocalInput(value: string, utcOffsetMinutes: number): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  return Date.parse(`${value}:00Z`) - utcOffsetMinutes * 60_000;
}

/** Plant-local `HH:MM` of an instant. */
export function plantClock(at: number, utcOffsetMinutes: number): string {
  return new Date(at + utcOffsetMinutes * 60_000).toISOString().slice(11, 16);
}

/** Plant-local `YYYY-MM-DD HH:MM` of an instant. */
export function plantDateTime(at: number, utcOffsetMinutes: number): string {
  return new Date(at + utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}
