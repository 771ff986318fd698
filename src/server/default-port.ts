/** The port the page is served on unless told otherwise (`--port`, `PORT`), and the one links name. */
export const DEFAULT_PORT = 4173;
