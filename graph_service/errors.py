"""One exception tree for the whole service; the CLI and the API translate it in one place each."""


class GraphServiceError(Exception):
    """Base of every error conflict-kg raises on purpose."""


class ConfigurationError(GraphServiceError):
    """A setting is missing or unusable (e.g. a forbidden password)."""


class Neo4jServerError(GraphServiceError):
    """The local Neo4j server could not be fetched, started, stopped or reached."""


class DatabaseUnavailable(GraphServiceError):
    """Neo4j does not answer (down, unreachable, or timed out)."""


class AuthenticationFailed(GraphServiceError):
    """Neo4j refused the configured user and password."""


class NotFound(GraphServiceError):
    """The requested node does not exist."""


class InputError(GraphServiceError):
    """An input article could not be read or parsed."""


# Selections are user input: the API answers them with 422 like other bad input.
class InvalidSelection(InputError):
    """An export selection is malformed or names nothing in the graph."""


class ExportTooLarge(InputError):
    """An export selection holds more nodes than the node limit allows."""
