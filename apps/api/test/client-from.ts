import { request } from 'node:http';
import type { GraphqlResponse } from './test-app';

/**
 * A GraphQL POST from a chosen loopback address (the whole of 127/8 reaches 127.0.0.1 on Linux),
 * as many clients behind many addresses, or one office behind one, would send it.
 */
export function postFrom(
  url: string,
  localAddress: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<GraphqlResponse> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const call = request(
      `${url}/graphql`,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: new Headers(),
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as GraphqlResponse['body'],
          }),
        );
      },
    );
    call.on('error', reject);
    call.end(payload);
  });
}
