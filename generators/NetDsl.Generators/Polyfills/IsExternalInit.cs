namespace System.Runtime.CompilerServices
{
    // Lets netstandard2.0 use records (the compiler only needs the type to exist). The core's copy is internal.
    internal static class IsExternalInit { }
}
