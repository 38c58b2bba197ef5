// Drawn in the browser (from the fallback page): the attract screen's pause button must work from the first touch,
// which a prerendered copy cannot promise before its scripts run; a kiosk keeps it open all day anyway.
export const ssr = false;
