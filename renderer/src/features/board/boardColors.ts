/** The board's dark, high-contrast palette (read from across a yard). */
export const BOARD_COLORS = {
  background: '#0b1320',
  panel: '#0f1a2b',
  line: '#334155',
  accent: '#ffd43b',
  bagged: '#74c0fc',
  bulk: '#b197fc',
  called: '#1e3a5f',
  pause: '#c92a2a',
} as const;
