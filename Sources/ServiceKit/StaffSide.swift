/// Which paths are the staff side of the hub, written once: the staff pages under `/staff` and the
/// staff and inspector JSON under `/api/v1/staff/`. Everything else is the citizens' side.
public enum StaffSide {
    /// A staff page (`/staff`, `/staff/…`).
    public static func isPage(_ path: String) -> Bool { path == "/staff" || path.hasPrefix("/staff/") }

    /// The staff and inspector JSON API (`/api/v1/staff/…`).
    public static func isAPI(_ path: String) -> Bool { path.hasPrefix("/api/v1/staff/") }

    /// Either of them.
    public static func contains(_ path: String) -> Bool { isPage(path) || isAPI(path) }
}
