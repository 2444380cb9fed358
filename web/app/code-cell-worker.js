// Runs the page's Python cells off the main thread, so a long cell never freezes the lesson around it.
import { PythonSessions } from './code-cell-sessions.js';

const sessions = new PythonSessions();

self.onmessage = async ({ data: { id, session, source, program } }) => {
  self.postMessage({ id, result: await sessions.run(session, source, { program }) });
};
