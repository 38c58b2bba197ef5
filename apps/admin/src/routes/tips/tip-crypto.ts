/**
 * The tip box's encryption, loaded only when a tip page needs it: libsodium is about 1 MB and no other page of the
 * console uses it.
 */
export const tipCrypto = () => import('@vungxanh/tip-crypto');
