package org.relationshipledger.contacts.contact;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.relationshipledger.contacts.contact.AccountStanding.Standing;
import org.relationshipledger.contacts.contact.ContactCommand.AddContact;
import org.relationshipledger.contacts.contact.ContactCommand.ChangeContact;
import org.relationshipledger.contacts.contact.ContactCommand.EraseContact;
import org.relationshipledger.contacts.contact.ContactCommand.LinkContact;
import org.relationshipledger.contacts.contact.ContactCommand.MergeContact;
import org.relationshipledger.contacts.contact.ContactCommand.RecordDeparture;
import org.relationshipledger.core.tenancy.AccountTenancy;
import org.relationshipledger.core.tenancy.Tenants;
import org.relationshipledger.core.web.RuleViolation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "contacts", description = "People at client accounts; their personal data is erasable")
class ContactController {

    private static final String NOT_BLANK = "(?s).*\\S.*";
    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    private static final String PHONE = "[+0-9 ()./-]{3,40}";

    private final CommandGateway commands;
    private final ContactProjection contacts;
    private final AccountStanding accounts;
    private final AccountTenancy tenancy;

    ContactController(CommandGateway commands, ContactProjection contacts, AccountStanding accounts,
                      AccountTenancy tenancy) {
        this.commands = commands;
        this.contacts = contacts;
        this.accounts = accounts;
        this.tenancy = tenancy;
    }

    /**
     * Either a new person ({@code fullName} required) or, with {@code existingContactId}, a person already known at
     * another account, linked rather than duplicated.
     */
    record AddContactRequest(
            @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be a contact id") String existingContactId,
            @Size(max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String fullName,
            @Size(max = 254) @Email(regexp = EMAIL) String email,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 120) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String department,
            @Size(max = 120) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String function,
            Seniority seniority) {
    }

    record ChangeContactRequest(
            @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be an account id") String accountId,
            @Size(max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String fullName,
            @Size(max = 254) @Email(regexp = EMAIL) String email,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @Size(max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String title,
            @Size(max = 120) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String department,
            @Size(max = 120) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String function,
            Seniority seniority,
            @PositiveOrZero Long expectedVersion) {
    }

    record DepartureRequest(@Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be an account id") String accountId,
                            @PositiveOrZero Long expectedVersion) {
    }

    record MergeRequest(@NotBlank @Size(max = 36) String duplicateContactId, @PositiveOrZero Long expectedVersion) {
    }

    record Created(String id) {
    }

    @PostMapping("/accounts/{accountId}/contacts")
    @Operation(summary = "Add a contact to an account, or link a person known at another account",
            description = "Answers 201 with the contact's id and Location.")
    ResponseEntity<Created> add(@PathVariable String accountId, @Valid @RequestBody AddContactRequest request) {
        Position position = new Position(request.title().strip(), strip(request.department()),
                strip(request.function()), request.seniority());
        String contactId;
        if (request.existingContactId() != null) {
            if (request.fullName() != null || request.email() != null || request.phone() != null) {
                throw RuleViolation.invalid("existingContactId",
                        "a linked contact keeps their personal data; send either existingContactId or fullName");
            }
            contactId = request.existingContactId().toLowerCase(Locale.ROOT);
            ownContact("existingContactId", contactId);
            requireAccount(accountId);
            commands.sendAndWait(new LinkContact(contactId, accountId, position, null));
        } else {
            if (request.fullName() == null) {
                throw RuleViolation.invalid("fullName", "must not be blank");
            }
            requireAccount(accountId);
            contactId = UUID.randomUUID().toString();
            commands.sendAndWait(new AddContact(contactId, accountId,
                    new Identity(request.fullName().strip(), strip(request.email()), strip(request.phone())),
                    position));
        }
        return ResponseEntity.created(URI.create("/contacts/" + contactId)).body(new Created(contactId));
    }

    @GetMapping("/accounts/{accountId}/contacts")
    @Operation(summary = "Contacts at an account, optionally by department and a text search over name, email "
            + "and title")
    List<ContactView> list(@PathVariable String accountId,
                           @RequestParam(required = false) @Size(max = 120) String department,
                           @RequestParam(required = false) @Size(max = 200) String q) {
        requireAccount(accountId);
        String needle = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        return contacts.everAt(accountId).stream()
                .filter(c -> c.status() != ContactStatus.MERGED)
                .filter(c -> department == null || c.at(accountId)
                        .map(m -> department.equalsIgnoreCase(m.department())).orElse(false))
                .filter(c -> needle == null || matches(c, accountId, needle))
                .toList();
    }

    @GetMapping("/accounts/{accountId}/duplicate-candidates")
    @Operation(summary = "Pairs of current contacts at the account with the same normalised email or name")
    List<DuplicateCandidates.Candidate> duplicates(@PathVariable String accountId) {
        requireAccount(accountId);
        return DuplicateCandidates.among(contacts.everAt(accountId), accountId);
    }

    @GetMapping("/contacts/{contactId}")
    ContactView get(@PathVariable String contactId) {
        return existing(contactId);
    }

    @PatchMapping("/contacts/{contactId}")
    @Operation(summary = "Change personal data and/or the position at an account (e.g. move department); "
            + "absent fields stay as they are")
    ContactView change(@PathVariable String contactId, @Valid @RequestBody ChangeContactRequest request) {
        existing(contactId);
        commands.sendAndWait(new ChangeContact(contactId, request.accountId(), strip(request.fullName()),
                strip(request.email()), strip(request.phone()), strip(request.title()), strip(request.department()),
                strip(request.function()), request.seniority(), request.expectedVersion()));
        return existing(contactId);
    }

    @PostMapping("/contacts/{contactId}/departure")
    @Operation(summary = "The person left the account (or the only account they are at); history is kept")
    ContactView depart(@PathVariable String contactId,
                       @Valid @RequestBody(required = false) DepartureRequest request) {
        existing(contactId);
        commands.sendAndWait(new RecordDeparture(contactId, request == null ? null : request.accountId(),
                request == null ? null : request.expectedVersion()));
        return existing(contactId);
    }

    @PostMapping("/contacts/{contactId}/merge")
    @Operation(summary = "Merge a duplicate into this contact; both histories stay")
    ContactView merge(@PathVariable String contactId, @Valid @RequestBody MergeRequest request) {
        existing(contactId);
        String duplicate = request.duplicateContactId().toLowerCase(Locale.ROOT);
        if (duplicate.equals(contactId)) {
            throw RuleViolation.unprocessable("duplicateContactId", "a contact cannot be merged into itself");
        }
        ownContact("duplicateContactId", duplicate);
        commands.sendAndWait(new MergeContact(duplicate, contactId, request.expectedVersion()));
        return existing(contactId);
    }

    @PostMapping("/contacts/{contactId}/erasure")
    @Operation(summary = "Forget the person: destroys their data key, scrubs the read model, tombstones their "
            + "profile; records merged into them are erased too")
    ContactView erase(@PathVariable String contactId) {
        existing(contactId);
        commands.sendAndWait(new EraseContact(contactId));
        contacts.mergedInto(contactId).stream().filter(merged -> merged.status() != ContactStatus.ERASED)
                .forEach(merged -> commands.sendAndWait(new EraseContact(merged.id())));
        return existing(contactId);
    }

    private ContactView existing(String contactId) {
        return contacts.view(contactId)
                .orElseThrow(() -> RuleViolation.notFound("contactId", "no contact " + contactId));
    }

    /** A contact named in a body must exist and be the caller's tenant's: another tenant's is "no contact". */
    private void ownContact(String field, String contactId) {
        String tenant = Tenants.current().orElse(tenancy.defaultTenant());
        contacts.view(contactId)
                .filter(view -> view.homeAccountId() == null || tenancy.visibleTo(view.homeAccountId(), tenant))
                .orElseThrow(() -> RuleViolation.notFound(field, "no contact " + contactId));
    }

    private void requireAccount(String accountId) {
        if (accounts.of(accountId) == Standing.UNKNOWN) {
            throw RuleViolation.notFound("accountId", "no account " + accountId);
        }
    }

    private static boolean matches(ContactView contact, String accountId, String needle) {
        String title = contact.at(accountId).map(ContactView.Membership::title).orElse(null);
        return contains(contact.fullName(), needle) || contains(contact.email(), needle) || contains(title, needle);
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
