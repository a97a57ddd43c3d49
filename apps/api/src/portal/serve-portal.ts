import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** Where `npm run build:portal` writes the portal, relative to the working directory. */
const PORTAL_DIRECTORY = 'dist/portal';

/**
 * The portal's policy: its own scripts, styles, fonts and images only (no inline script or
 * style, nothing from another origin), GraphQL on this origin, no framing.
 */
const PORTAL_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// The API's own paths: they never fall back to the portal's page.
const API_PATHS = /^\/(graphql|health|metrics)(\/|$)/;

interface Request {
  readonly method: string;
  readonly path: string;
}
interface Response {
  setHeader(name: string, value: string): void;
  sendFile(
    path: string,
    options: { headers: Record<string, string> },
    done: (error?: Error) => void,
  ): void;
}

function securityHeaders(set: (name: string, value: string) => void): void {
  set('Content-Security-Policy', PORTAL_CONTENT_SECURITY_POLICY);
  set('X-Content-Type-Options', 'nosniff');
  set('Referrer-Policy', 'no-referrer');
}

/**
 * Serves the built portal at `/`: its files, and its page for every other GET that is not one
 * of the API's paths and names no file (the single-page application's own paths, such as
 * `/applications/42006`, opened directly or reloaded). Returns false when no portal is built.
 */
export function servePortal(
  app: NestExpressApplication,
  directory: string = resolve(PORTAL_DIRECTORY),
): boolean {
  const page = join(directory, 'index.html');
  if (!existsSync(page)) return false;
  app.useStaticAssets(directory, {
    index: false,
    redirect: false,
    setHeaders: (response: { setHeader(name: string, value: string): void }, path: string) => {
      securityHeaders((name, value) => response.setHeader(name, value));
      // Vite names the files under assets/ by their content, so they never change.
      response.setHeader(
        'Cache-Control',
        path.includes(`${join(directory, 'assets')}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  app.use((request: Request, response: Response, next: (error?: unknown) => void) => {
    const last = request.path.slice(request.path.lastIndexOf('/') + 1);
    if (
      (request.method !== 'GET' && request.method !== 'HEAD') ||
      API_PATHS.test(request.path) ||
      last.includes('.')
    ) {
      next();
      return;
    }
    const headers: Record<string, string> = { 'Cache-Control': 'no-cache' };
    securityHeaders((name, value) => (headers[name] = value));
    response.sendFile(page, { headers }, (error) => {
      if (error) next(error);
    });
  });
  return true;
}
