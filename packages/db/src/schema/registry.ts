/** Tables of the registry feature. */
export {};
