/** Rules of the registry feature. */
export {};
