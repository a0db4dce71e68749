/**
 * How the queue board fits a wall display: no scrolling, so each product line shows as many trucks as fit and
 * "+N more" for the rest. Pure arithmetic on measured pixels (tested without a browser).
 */

/** Grid of product-line columns: up to four side by side; more lines wrap onto a second row of columns. */
export function lineGrid(lineCount: number): { columns: number; rows: number } {
  if (lineCount <= 4) return { columns: Math.max(1, lineCount), rows: 1 };
  const rows = Math.ceil(lineCount / 4);
  return { columns: Math.ceil(lineCount / rows), rows };
}

/**
 * How many truck rows a line's list holds: whole rows in its height, times the sub-columns its width allows
 * (a line alone on the board is wide enough for two or three columns of trucks). At least one row.
 */
export function lineCapacity(box: { width: number; height: number }, row: { height: number; minWidth: number }): { rows: number; columns: number; capacity: number } {
  const rows = Math.max(1, Math.floor(box.height / Math.max(1, row.height)));
  const columns = Math.max(1, Math.min(3, Math.floor(box.width / Math.max(1, row.minWidth))));
  return { rows, columns, capacity: rows * columns };
}

/**
 * Which trucks a line shows: all when they fit; otherwise the first (capacity − 1) in queue order and one row
 * "+N more" in the last place, so the head of the queue is always on the board.
 */
export function fitTrucks(count: number, capacity: number): { shown: number; more: number } {
  const cap = Math.max(1, capacity);
  if (count <= cap) return { shown: count, more: 0 };
  const shown = cap - 1;
  return { shown, more: count - shown };
}

/** A release interval in whole minutes and the seconds left over (e.g. 90 s → 1 min 30 s). */
export function intervalParts(seconds: number): { minutes: number; seconds: number } {
  const s = Math.max(0, Math.floor(seconds));
  return { minutes: Math.floor(s / 60), seconds: s % 60 };
}
