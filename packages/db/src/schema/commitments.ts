/** Tables of the commitments feature. */
export {};
