/** The tip box's encryption (libsodium, about 1 MB) loads only on the tip pages, never with the rest of the kiosk. */
export const tipCrypto = () => import('@vungxanh/tip-crypto');

/** Starts loading while the person reads or types, so sending does not wait for it; a failure shows on send. */
export function warmTipCrypto(): void {
  void tipCrypto()
    .then((m) => m.ready())
    .catch(() => undefined);
}
