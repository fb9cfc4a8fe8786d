import factory
from factory.django import DjangoModelFactory

from partners.models import Membership, Organization, User


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name", locale="fr_CA")
    last_name = factory.Faker("last_name", locale="fr_CA")
    language = "fr"
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization

    kind = Organization.Kind.CITY
    name = factory.Sequence(lambda n: f"Ville numéro {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")
    region = "Montérégie"
    country = "CA"
    status = Organization.Status.VERIFIED


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Membership.Role.MEMBER
    status = Membership.Status.ACTIVE


def member_of(organization: Organization, *, role=Membership.Role.MEMBER, **user_fields) -> User:
    user = UserFactory(**user_fields)
    MembershipFactory(user=user, organization=organization, role=role)
    return user
