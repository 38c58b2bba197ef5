/** Rules of the activities feature. */
export {};
