/** Rules of the indicators feature. */
export {};
