"""A throw-away PostgreSQL/PostGIS server for the tests: own data folder, own port, own socket.

Started by the tests themselves (no service to configure in CI); as root it runs as the
``postgres`` system user, as PostgreSQL requires.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path


def _installed_version() -> str:
    """The newest installed PostgreSQL major version that has PostGIS (15 on bookworm, 17 on trixie)."""
    versions = [
        p.name
        for p in Path("/usr/lib/postgresql").glob("*")
        if (p / "bin" / "initdb").exists()
        and Path(f"/usr/share/postgresql/{p.name}/extension/postgis.control").exists()
    ]
    return max(versions, key=float, default="")


VERSION = _installed_version()
BIN = Path(f"/usr/lib/postgresql/{VERSION}/bin")


def free_port() -> int:
    """A port nobody listens on now, so concurrent test runs (and hosts) never share a server."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_postgres(args):
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    proc = subprocess.run(prefix + [str(a) for a in args], capture_output=True, text=True, cwd="/tmp")
    if proc.returncode != 0:
        raise RuntimeError(f"{args[0]} failed: {proc.stderr or proc.stdout}")
    return proc


class Server:
    def __init__(self):
        if not VERSION:
            raise RuntimeError("no PostgreSQL with PostGIS under /usr/lib/postgresql (make test installs it)")
        # not under pytest's tmp folder: that one is private to root, and the server runs as postgres
        self.folder = Path(tempfile.mkdtemp(prefix="yongji_pg_"))
        self.data = self.folder / "data"
        self.socket = self.folder / "socket"
        self.port = free_port()

    def start(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        self.socket.mkdir(exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
            shutil.chown(self.socket, "postgres")
            self.folder.chmod(0o755)
        _as_postgres([BIN / "initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8"])
        _as_postgres(
            [
                BIN / "pg_ctl",
                "-D",
                self.data,
                "-w",
                "-l",
                self.folder / "log.txt",
                "-o",
                f"-p {self.port} -k {self.socket} -c listen_addresses=127.0.0.1",
                "start",
            ]
        )
        for _ in range(50):
            ready = subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", str(self.port)], capture_output=True)
            if ready.returncode == 0:
                break
            time.sleep(0.2)
        self.psql("CREATE DATABASE yongji")
        self.psql("CREATE EXTENSION postgis", database="yongji")
        return self

    def psql(self, sql, database="postgres"):
        return subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-d",
                database,
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                sql,
            ],
            check=True,
            capture_output=True,
            text=True,
        )

    def uri(self, database="yongji") -> str:
        return f"host=127.0.0.1 port={self.port} dbname={database} user=postgres sslmode=disable"

    def export(self, layer, table: str, schema="public", database="yongji") -> None:
        """``layer`` copied into the table ``schema.table`` (geometry ``geom``, key ``fid``)."""
        from qgis.core import QgsDataSourceUri, QgsVectorLayerExporter

        uri = QgsDataSourceUri(self.uri(database))
        uri.setDataSource(schema, table, "geom", "", "fid")
        error, message = QgsVectorLayerExporter.exportLayer(layer, uri.uri(False), "postgres", layer.crs())
        assert error == QgsVectorLayerExporter.NoError, message

    @contextmanager
    def saved_connection(self, name: str):
        """The server's database ``yongji`` as QGIS's saved PostGIS connection ``name`` while the
        block runs (as a user saves one in the data source manager)."""
        from qgis.core import QgsProviderRegistry

        metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
        metadata.saveConnection(metadata.createConnection(self.uri(), {"saveUsername": True}), name)
        try:
            yield name
        finally:
            metadata.deleteConnection(name)

    def stop(self):
        _as_postgres([BIN / "pg_ctl", "-D", self.data, "-m", "immediate", "stop"])
        shutil.rmtree(self.folder, ignore_errors=True)


class Tables:
    """Layers copied into a server's databases and read back through QGIS as PostGIS layers."""

    def __init__(self, server: Server):
        self.server = server
        self.layers = []  # every layer handed out, freed before the server stops
        self.databases = {}  # name -> layers copied into it by copy_once

    def uri(self, database="yongji", user="postgres") -> str:
        return self.server.uri(database).replace("user=postgres", f"user={user}")

    def create_database(self, name: str) -> None:
        self.server.psql(f"CREATE DATABASE {name}")
        self.server.psql("CREATE EXTENSION postgis", database=name)

    def table(self, layer, name: str, database="yongji"):
        self.server.export(layer, name, database=database)
        return self.layer(name, database)

    def layer(self, name: str, database="yongji", user="postgres"):
        from qgis.core import QgsDataSourceUri, QgsVectorLayer

        uri = QgsDataSourceUri(self.uri(database, user))
        uri.setDataSource("public", name, "geom", "", "fid")
        layer = QgsVectorLayer(uri.uri(False), name, "postgres")
        assert layer.isValid(), name
        self.layers.append(layer)
        return layer

    def copy_plan(self, layers: dict, database="yongji") -> dict:
        """Each layer as a table named by its lower-case code; the PostGIS layers by code."""
        copies = {code: self.table(layer, code.lower(), database) for code, layer in layers.items()}
        for code, copy in copies.items():
            copy.setName(layers[code].name())
        return copies

    def copy_once(self, database: str, layers: dict) -> dict:
        """``layers`` copied into a new database of their own, the first time it is asked for."""
        if database not in self.databases:
            self.create_database(database)
            self.databases[database] = self.copy_plan(layers, database)
        return self.databases[database]

    def close(self) -> None:
        import gc

        self.layers.clear()
        self.databases.clear()
        gc.collect()
        self.server.stop()
