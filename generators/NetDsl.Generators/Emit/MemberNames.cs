using System;
using System.Collections.Generic;
using NetDsl.Naming;

namespace NetDsl.Generators.Emit;

/// <summary>
/// C# member names inside one generated class. Names come from <see cref="Identifiers.ToPascalCase"/>, the
/// function the binder checks for collisions (NDSL1009). What the binder cannot know is C# itself: a member
/// may not share its enclosing class's name (CS0542) nor hide object's members (CS0108), so those get a
/// trailing '_' — which ToPascalCase never produces, so the result cannot collide with another name.
/// </summary>
internal sealed class MemberNames
{
    private static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize" };

    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public MemberNames(string enclosingClass, params string[] reserved)
    {
        _taken.Add(enclosingClass);
        foreach (var name in ObjectMembers) _taken.Add(name);
        foreach (var name in reserved) _taken.Add(name);
    }

    /// <summary>A free identifier for <paramref name="name"/> (a .netdsl name), marked as taken.</summary>
    public string Claim(string name)
    {
        string id = Identifiers.ToPascalCase(name);
        // The binder reports real collisions; this only keeps categories it does not check compilable.
        string candidate = id;
        for (int n = 1; !_taken.Add(candidate); n++)
            candidate = id + "_" + (n == 1 ? "" : n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return candidate;
    }
}
