/** Rules of the contests feature. */
export {};
