/** Rules of the commitments feature. */
export {};
