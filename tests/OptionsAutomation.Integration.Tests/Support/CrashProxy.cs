using System.Reflection;

namespace OptionsAutomation.Integration.Tests.Support;

/// <summary>
/// A named step where the test kills the process: the <see cref="Nth"/> call to <see cref="Method"/> on a port, either
/// before it runs (nothing it would write exists) or after it ran (its effect happened, the caller never learned).
/// </summary>
public sealed record CrashStep(string Port, string Method, int Nth, bool After)
{
    public override string ToString() => $"{(After ? "after" : "before")} {Port}.{Method} #{Nth}";
}

/// <summary>
/// Wraps any port (an interface) and dies at one <see cref="CrashStep"/> by throwing <see cref="SimulatedCrashException"/>,
/// an <see cref="OperationCanceledException"/> that the services let through without writing anything more — what a
/// killed process leaves behind. Every other call goes straight to the real adapter.
/// </summary>
public class CrashProxy<T> : DispatchProxy where T : class
{
    private T _inner = null!;
    private CrashStep? _step;
    private int _calls;

    public static T Wrap(T inner, CrashStep? step)
    {
        var proxy = Create<T, CrashProxy<T>>();
        var crash = (CrashProxy<T>)(object)proxy;
        crash._inner = inner;
        crash._step = step?.Port == typeof(T).Name ? step : null;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var crashHere = _step is { } step && targetMethod.Name == step.Method && Interlocked.Increment(ref _calls) == step.Nth;
        if (crashHere && !_step!.After)
        {
            throw new SimulatedCrashException(_step.ToString());
        }

        object? result;
        try
        {
            result = targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }

        if (!crashHere)
        {
            return result;
        }

        // After the step: let it finish (it wrote what it writes), then die before the caller sees the answer.
        var type = targetMethod.ReturnType;
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>)
            ? typeof(CrashProxy<T>).GetMethod(nameof(DieAfterWithResultAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type.GetGenericArguments()[0]).Invoke(null, [result, _step!.ToString()])
            : DieAfterAsync((Task)result!, _step!.ToString());
    }

    private static async Task<TResult> DieAfterWithResultAsync<TResult>(Task<TResult> call, string step)
    {
        await call.ConfigureAwait(false);
        throw new SimulatedCrashException(step);
    }

    private static async Task DieAfterAsync(Task call, string step)
    {
        await call.ConfigureAwait(false);
        throw new SimulatedCrashException(step);
    }
}
