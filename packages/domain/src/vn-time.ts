// Vietnam's clock, kept apart from the period rules so that a screen which only formats a date does not load them
// (and their validation library) with it.

/** Vietnam's time zone, for Intl formatting; it is UTC+7 all year, so `VN_OFFSET_MS` cuts days and periods. */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const VN_OFFSET_MS = 7 * 3_600_000;
