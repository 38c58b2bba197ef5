// Prerendered: the screen's frame and words come from the HTML, before the app's scripts run.
export const prerender = true;
