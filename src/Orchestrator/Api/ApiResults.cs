using Microsoft.AspNetCore.Http;
using Smooth.Core;

namespace Smooth.Orchestrator.Api;

/// <summary>The API's error answers: every one is <see cref="ApiError"/> JSON with a status that says what kind of failure it was.</summary>
internal static class ApiResults
{
    /// <summary>An error with <paramref name="status"/>.</summary>
    public static IResult Error(int status, string message, string? hint) =>
        Results.Json(new ApiError(message, hint), ApiJson.Default.ApiError, statusCode: status);

    /// <summary>Runs <paramref name="action"/>, answering a <see cref="SmoothException"/> with the status its exit code means.</summary>
    public static async Task<IResult> Guarded(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (SmoothException e)
        {
            var status = e.ExitCode switch
            {
                ExitCodes.NotFound => StatusCodes.Status404NotFound,
                ExitCodes.Conflict => StatusCodes.Status409Conflict,
                ExitCodes.BadInput => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status500InternalServerError,
            };
            return Error(status, e.Message, e.Hint);
        }
    }
}
