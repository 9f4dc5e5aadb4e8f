namespace Passerelle.Errors;

internal static class ErrorsSetup
{
    /// <summary>ProblemDetails, the one exception handler, and the body limits.</summary>
    public static IServiceCollection AddPasserelleErrors(this IServiceCollection services)
    {
        services.AddPasserelleProblems();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services.AddBodyLimits();
    }
}
