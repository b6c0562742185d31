import Foundation

/// A citizen who lost their tracking code asks for the codes of their cases (`POST /api/v1/codes/resend`):
/// by the email address or the phone number they left, and on that channel only.
public enum LostCodeRequest: Sendable, Equatable {
    case email(String)
    case phone(String)

    /// Reads what the citizen gave: exactly one of an email address and a phone number, an empty text
    /// being none (a page's form trims what was typed before).
    /// - Throws: `Refusal.lostCodeContactRequired` (neither or both), `.contactEmailInvalid`,
    ///   `.contactPhoneInvalid`.
    public init(email: String?, phone: String?) throws(Refusal) {
        let email = email?.nonEmpty
        let phone = phone?.nonEmpty
        switch (email, phone) {
        case (let email?, nil):
            guard Contact.looksLikeEmail(email) else { throw .contactEmailInvalid }
            self = .email(email)
        case (nil, let phone?):
            guard Contact.looksLikePhone(phone) else { throw .contactPhoneInvalid }
            self = .phone(phone)
        default:
            throw .lostCodeContactRequired
        }
    }

    /// The contact as given.
    public var contact: String {
        switch self {
        case .email(let email): return email
        case .phone(let phone): return phone
        }
    }

    /// The rate limit's key for this contact: one per address or number, however it was typed.
    public var limitKey: String {
        switch self {
        case .email(let email): return "email:" + email.lowercased()
        case .phone(let phone): return "phone:" + LostCodeRequest.phoneKey(phone)
        }
    }

    /// A phone number's digits with the Indonesian trunk prefix 0 read as 62, as the database's
    /// `hub_phone_key` (migration 027) reads it.
    public static func phoneKey(_ phone: String) -> String {
        let digits = String(phone.filter(\.isASCII).filter(\.isNumber))
        return digits.hasPrefix("0") ? "62" + digits.dropFirst() : digits
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
