/**
 * The packing machines' bag counters (点包器) on a serial line: the protocols the driver speaks (setting
 * `dispatch.counterProtocol`). Port, baud rate and parity reuse the scale's choices (src/shared/scale.ts).
 *
 * - `asciiLine`: the counter reports `#<channel>,<count>\r\n` (optionally `*HH`, the XOR of the characters between
 *   `#` and `*`, as two hex digits); the host arms a channel with `@<channel>,<preset>\r\n` (count back to 0, stop at
 *   the preset) and asks for a count with `?<channel>\r\n`.
 * - `modbusRtu`: the host polls each armed channel (a counter on the RS-485 bus, unit id = the channel's number)
 *   with function 03 (read holding registers: 0 = count, 1 = preset), arms with function 16 (preset, then count 0);
 *   every reply's CRC-16 is checked.
 */
export const COUNTER_PROTOCOLS = ['asciiLine', 'modbusRtu'] as const;
export type CounterProtocol = (typeof COUNTER_PROTOCOLS)[number];

/** Why a counter frame was not taken (logged with the frame's first bytes). */
export const COUNTER_REJECT_REASONS = ['noise', 'badFormat', 'notDigits', 'badChecksum', 'badCrc', 'tooLong', 'unknownChannel', 'countBackwards', 'overPreset', 'exception', 'staleBeforeArm'] as const;
export type CounterRejectReason = (typeof COUNTER_REJECT_REASONS)[number];
