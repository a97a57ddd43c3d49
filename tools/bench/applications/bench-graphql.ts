/** One GraphQL request over HTTP, as a browser client sends it; errors throw with their codes. */
export async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: T | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (body.errors?.length || !body.data) {
    const problems = (body.errors ?? []).map((e) => `${e.extensions?.code ?? '?'}: ${e.message}`);
    throw new Error(`GraphQL ${response.status}: ${problems.join('; ') || 'no data'}`);
  }
  return body.data;
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
