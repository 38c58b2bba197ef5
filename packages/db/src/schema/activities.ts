/** Tables of the activities feature. */
export {};
