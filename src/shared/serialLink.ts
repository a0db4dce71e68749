/** Why a serial device (scale indicator, bag counter) is not connected; each screen translates `<device>.<reason>`. */
export const SERIAL_LINK_REASONS = ['portNotFound', 'permissionDenied', 'portBusy', 'openFailed', 'cableDisconnected', 'driverMissing', 'badSettings'] as const;
export type SerialLinkReason = (typeof SERIAL_LINK_REASONS)[number];
