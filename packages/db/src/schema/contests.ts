/** Tables of the contests feature. */
export {};
