// The one page with client-side script: the door's camera reads tickets' QR codes. Without
// script the page still works: the code is typed and the form posts as everywhere else.
export const csr = true;
