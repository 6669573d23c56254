// zod in the page runs without its compiled fast path: that path first probes `new Function`, which the
// Content-Security-Policy (script-src 'self', no 'unsafe-eval') refuses and reports as a violation.
import { z } from 'zod';

z.config({ jitless: true });
