"""The people registry (户不漏人): households, their members and vehicles, registered and
edited offline; ID numbers and phones sealed at rest and masked on every screen; reveals
audited through the outbox. May use: services.common."""
