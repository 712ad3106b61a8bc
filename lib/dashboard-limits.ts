// How much of a large scope the overview lists (shared by the server computation and the screen).
/** A scope with more villages than this shows towns only in the matrix (a province holds ~15,000 villages). */
export const MATRIX_MAX_VILLAGES = 400;
export const MATRIX_MAX_TOWNS = 60;
/** The overview's by-town chart names this many towns; its total row covers them all. */
export const TOP_TOWNS = 15;
