// Every page is server-rendered HTML with plain forms and links: no client-side rendering, so
// pages ship no JavaScript and nothing typed before a slow script loads can be lost.
export const csr = false;
