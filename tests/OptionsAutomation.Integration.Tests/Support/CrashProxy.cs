using System.Reflection;
using System.Runtime.CompilerServices;

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
/// killed process leaves behind. Every other call goes straight to the real adapter. A port the step names that the
/// wrapped one hands out (the entry a journal begins) is wrapped too, its calls counted across every one handed out.
/// </summary>
public class CrashProxy<T> : DispatchProxy where T : class
{
    private T _inner = null!;
    private CrashStep? _step;
    private CrashStep? _handedOutStep;
    private StrongBox<int> _calls = null!;
    private readonly StrongBox<int> _handedOutCalls = new();

    public static T Wrap(T inner, CrashStep? step) => Wrap(inner, step, new StrongBox<int>());

    private static T Wrap(T inner, CrashStep? step, StrongBox<int> calls)
    {
        var proxy = Create<T, CrashProxy<T>>();
        var crash = (CrashProxy<T>)(object)proxy;
        crash._inner = inner;
        crash._step = step?.Port == typeof(T).Name ? step : null;
        crash._handedOutStep = step?.Port == typeof(T).Name ? null : step;
        crash._calls = calls;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var crashHere = _step is { } step && targetMethod.Name == step.Method && Interlocked.Increment(ref _calls.Value) == step.Nth;
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
            return _handedOutStep is { } handedOut && HandsOut(targetMethod.ReturnType, handedOut) is { } port
                ? typeof(CrashProxy<T>).GetMethod(nameof(WrapHandedOutAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(port).Invoke(null, [result, handedOut, _handedOutCalls])
                : result;
        }

        // After the step: let it finish (it wrote what it writes), then die before the caller sees the answer.
        var type = targetMethod.ReturnType;
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>)
            ? typeof(CrashProxy<T>).GetMethod(nameof(DieAfterWithResultAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type.GetGenericArguments()[0]).Invoke(null, [result, _step!.ToString()])
            : DieAfterAsync((Task)result!, _step!.ToString());
    }

    /// <summary>The interface a method's <c>Task&lt;TPort&gt;</c> hands out when the step names it.</summary>
    private static Type? HandsOut(Type returnType, CrashStep step) =>
        returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>)
        && returnType.GetGenericArguments()[0] is { IsInterface: true } port && port.Name == step.Port
            ? port
            : null;

    private static async Task<TPort> WrapHandedOutAsync<TPort>(Task<TPort> call, CrashStep step, StrongBox<int> calls) where TPort : class =>
        CrashProxy<TPort>.Wrap(await call.ConfigureAwait(false), step, calls);

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
