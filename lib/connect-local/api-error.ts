// A modelled service error: the name travels in x-amzn-ErrorType so the SDK rebuilds its typed exception.

export class ApiError extends Error {
  constructor(
    readonly errorName: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = errorName;
  }
}

/** Validation error names differ per operation and API family; handlers pick the one their model declares. */
export type ValidationErrorName = "InvalidRequestException" | "InvalidParameterException" | "ValidationException";

export function validationError(name: ValidationErrorName, message: string): ApiError {
  return new ApiError(name, 400, message);
}

export function resourceNotFound(message: string): ApiError {
  return new ApiError("ResourceNotFoundException", 404, message);
}
