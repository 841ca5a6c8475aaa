// Style sheets are bundled by Vite; importing one only has the side effect of including it.
declare module '*.css';
