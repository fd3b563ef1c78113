export { FileReadError, readTextFile } from './read-text-file.js';
export { writeTextFiles } from './write-text-files.js';
