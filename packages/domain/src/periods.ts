/** Rules of the periods feature. */
export {};
