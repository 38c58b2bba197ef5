// Drawn in the browser only (the app's fallback page serves this path): what it shows depends on the address,
// the device or the server's answer.
export const ssr = false;
