/**
 * Routes whose requests leave no trace beyond what they store: no request log line, no latency metric
 * (a scrape would date a tip to the second). The tip box's public side is the one such place.
 */
const confidentialPrefixes = ['/api/public/tips'];

export const isConfidentialRoute = (path: string) =>
  confidentialPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
