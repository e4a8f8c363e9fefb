/** An error the demo tenant answers the way Microsoft Graph does: status + {"error":{"code","message"}}. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = 'Request_BadRequest') => new GraphHttpError(400, code, message);

export const notFound = (id: string) =>
  new GraphHttpError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);

export const unsupportedQuery = (message = 'Unsupported Query.') => new GraphHttpError(400, 'Request_UnsupportedQuery', message);
