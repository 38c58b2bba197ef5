/**
 * What a person leaves behind on a shared kiosk: each part of the app that holds something a
 * person typed or chose registers how to forget it; the idle reset calls them all.
 */
const wipers = new Set<() => void>();

export function onWipe(wipe: () => void): () => void {
  wipers.add(wipe);
  return () => wipers.delete(wipe);
}

export function wipeAll(): void {
  for (const wipe of wipers) {
    try {
      wipe();
    } catch {
      // One part failing must not leave the others uncleared.
    }
  }
  try {
    sessionStorage.clear();
  } catch {
    // No session storage: nothing kept there.
  }
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  (document.activeElement as HTMLElement | null)?.blur?.();
}
